/** Implementation of generator-aws; not API. */
package io.kdg4j.aws.internal;
