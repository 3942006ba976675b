/** The demo: the whole workflow (probe, calibrate, import, compare) on bundled inputs. */
package io.gradesim.app.demo;
