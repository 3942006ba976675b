/**
 * Reading a probe recording ({@code probe.jfr}): the {@code gradesim.Stage} samples, the JVM's
 * {@code jdk.CPULoad} windows beside them, and the busy-machine filter that uses the two.
 */
package io.gradesim.calibration.recording;
