package io.gradesim.calibration.recording;

import io.gradesim.probes.jfr.StageSample;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * What calibration needs from one probe recording, read in a single streaming pass.
 *
 * @param file the recording file
 * @param sha256 hex SHA-256 of the file's bytes
 * @param samples every {@code gradesim.Stage} event, warm-ups and failures included, by start time
 * @param windows the {@code jdk.CPULoad} windows, by start time
 * @param hostWindows the {@code gradesim.HostLoad} windows, by start time (empty in recordings made
 *     before the probe recorded them)
 * @param runtimeVersions runtime name to version, from {@code gradesim.RuntimeInfo} events if any
 * @param firstEventNanos start of the earliest stage event, nanoseconds since the epoch
 */
public record ProbeRecording(
    Path file,
    String sha256,
    List<StageSample> samples,
    List<CpuLoadWindow> windows,
    List<HostLoadWindow> hostWindows,
    SortedMap<String, String> runtimeVersions,
    long firstEventNanos) {}
