/**
 * The neutral representation every cross-dialect translator composes through, so N front doors and
 * M upstreams need N + M codec halves instead of N × M converters.
 *
 * <p>Requests compose through the OpenAI chat-completions shape (a Jackson tree, never bytes on the
 * wire): a client dialect is first read into it, then written out in the upstream's dialect.
 * Responses compose through {@link ai.burncloud.router.translate.ir.StreamEvent} (streams) and
 * {@link ai.burncloud.router.translate.ir.Completion} (whole answers): an upstream reader turns the
 * upstream's bytes into events, a client writer turns events into the client's bytes, each one an
 * explicit state machine.
 *
 * <p>Package rule: the neutral model and the OpenAI-dialect halves (reading and writing OpenAI
 * bodies) live here because OpenAI chat is the hub; every other dialect's halves live in that
 * dialect's package. A translator class for one (client, upstream) pair lives in the package of its
 * upstream dialect, except when the upstream speaks OpenAI, where it lives in the client's package.
 */
package ai.burncloud.router.translate.ir;
