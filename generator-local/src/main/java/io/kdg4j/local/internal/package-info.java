/** Not API: the emulator's HTTP server, wire protocols and services. Anything here may change in any release. */
package io.kdg4j.local.internal;
