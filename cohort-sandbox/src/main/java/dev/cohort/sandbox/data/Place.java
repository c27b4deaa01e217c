package dev.cohort.sandbox.data;

/**
 * A city customers live in, with what addresses and phone numbers there look like.
 *
 * @param country      ISO 3166 code: {@code US}, {@code GB} or {@code CA}
 * @param city         city name
 * @param region       state, province or county as written in addresses
 * @param postalPrefix US: the ZIP code's first three digits; CA: the postal code's first letter; GB: the postcode area
 * @param dialCode     US and CA: the area code; GB: the national trunk code with its leading 0
 * @param phonePrefix  the fixed digits after the dial code, chosen so every number is fictional
 */
record Place(String country, String city, String region, String postalPrefix, String dialCode, String phonePrefix) {
}
