package org.havewemet.config;

/**
 * The Lucene index ({@code index.*}).
 *
 * @param commitIntervalSeconds how often pending documents are committed (made durable and searchable)
 * @param retentionDays         invitations older than this are purged; 0 keeps them forever
 */
public record IndexConfig(int commitIntervalSeconds, int retentionDays) {
}
