/**
 * The helpers of KDG templates, one class per faker.js 3.1 namespace ({@code AddressHelpers} beside faker's
 * {@code address} and so on), registered in {@link io.kdg4j.core.kdg.helpers.HelperTable}. Value sets that are
 * facts of KDG's behaviour are written down in {@code Faker31Values}; large vocabularies come from Datafaker.
 * Internal to {@link io.kdg4j.core.kdg.KdgTemplate}: not an API.
 */
package io.kdg4j.core.kdg.helpers;
