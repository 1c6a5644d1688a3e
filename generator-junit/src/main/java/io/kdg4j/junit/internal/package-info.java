/** Implementation of generator-junit; not API. */
package io.kdg4j.junit.internal;
