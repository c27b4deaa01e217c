/**
 * Typed settings: a plugin declares each setting once ({@link dev.cohort.spi.config.SettingSpec}), and
 * that one declaration drives parsing, every-problem-at-once validation, forms and generated docs —
 * the idea of Kafka's {@code ConfigDef}.
 */
package dev.cohort.spi.config;
