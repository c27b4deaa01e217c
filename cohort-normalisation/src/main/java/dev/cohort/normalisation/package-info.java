/**
 * The normalisation rules of {@code docs/normalisation.md} — white space ({@link dev.cohort.normalisation.WhiteSpace}),
 * e-mail addresses ({@link dev.cohort.normalisation.EmailAddresses}), phone numbers in E.164
 * ({@link dev.cohort.normalisation.PhoneNumbers}) and UUIDs ({@link dev.cohort.normalisation.UuidText}) — in one place,
 * for the data template's transforms and for connectors that normalise the values they send (Insider One), so that a
 * value a template already normalised passes a connector unchanged. A value that breaks a rule is an
 * {@link dev.cohort.normalisation.InvalidValueException} whose message is the rule, never the value.
 */
package dev.cohort.normalisation;
