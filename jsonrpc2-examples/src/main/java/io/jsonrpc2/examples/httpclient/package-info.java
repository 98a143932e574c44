/**
 * The HTTP client examples quoted in {@code docs/http-client.md}: the jsonrpcclient examples (a
 * named call, a batch of cubes, a notification, a request with an explicit id), client
 * configuration, per-call options and error handling, against {@link
 * io.jsonrpc2.examples.httpclient.PetShop} served at a URL.
 */
package io.jsonrpc2.examples.httpclient;
