/** Opening trace files: gzip detected by content, UTF-8 text. */
package io.gradesim.traces.io;
