/**
 * Not API: the engine behind {@code JsonRpcService} and {@code JsonRpcClient} (codec, binder,
 * dispatcher, pending calls). Public only so the front-door classes can reach it; anything here may
 * change in any release.
 */
package io.jsonrpc2.internal;
