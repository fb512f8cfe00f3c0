/**
 * Advisors: the offline rules advisor (the embedded default) and the Claude, OpenAI, OpenRouter and
 * Google Gemini advisors over their HTTP APIs. The published surface is {@link
 * tech.brokerbridge.ai.AdvisorFactory}, {@link tech.brokerbridge.ai.AdvisorConfig}, {@link
 * tech.brokerbridge.ai.AdvisorHandle} (an advisor plus its health) and {@link
 * tech.brokerbridge.ai.CredentialCheck}; everything else lives in {@code internal}.
 *
 * <p>Privacy: a network advisor sends the fixed system prompt
 * ({@code internal/system-prompt.txt}) and the {@code DecisionRequest} as JSON, nothing else; the
 * API key travels only in the provider's auth header.
 */
package tech.brokerbridge.ai;
