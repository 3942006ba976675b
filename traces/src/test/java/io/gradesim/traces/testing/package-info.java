/**
 * Test support shared by every module's tests: locating the shared third-party data, and checking
 * that a command given hostile input left its inputs untouched and no temporary file behind.
 */
package io.gradesim.traces.testing;
