/**
 * The client examples of docs/client.md: the jsonrpcclient guide's calls (a cat named Mittens, ten
 * cubes in a batch, notifications), id generators, error handling and typed proxies. They talk to
 * {@link io.jsonrpc2.examples.client.PetService} through an in-memory transport, so they run
 * anywhere; with a network transport only the {@code transport(...)} line changes.
 */
package io.jsonrpc2.examples.client;
