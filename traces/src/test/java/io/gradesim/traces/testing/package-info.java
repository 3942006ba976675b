/** Test support shared by every module's tests: locating the shared third-party data. */
package io.gradesim.traces.testing;
