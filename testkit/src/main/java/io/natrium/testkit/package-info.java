/**
 * Test support shared by the modules, used in test scope only: the in-memory transport, the raw protocol client,
 * fixtures and generators. Fills up as the transports and the application arrive.
 */
package io.natrium.testkit;
