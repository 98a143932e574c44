package io.jsonrpc2.message;

/**
 * A JSON-RPC 2.0 message as a value: a {@link Request}, a {@link Notification} or a {@link
 * Response}. A batch is a {@code List<Message>}.
 */
public sealed interface Message permits Request, Notification, Response {}
