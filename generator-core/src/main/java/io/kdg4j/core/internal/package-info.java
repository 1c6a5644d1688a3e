/**
 * Not API: the compiled generator tree, random streams and samplers behind {@link io.kdg4j.core.Fields}.
 * Anything here may change in any release.
 */
package io.kdg4j.core.internal;
