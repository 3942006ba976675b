package io.gradesim.calibration.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Provenance and bookkeeping of the recording a measured profile came from.
 *
 * @param file the recording's file name (no directory)
 * @param sha256 hex SHA-256 of the recording's bytes
 * @param stageEvents {@code gradesim.Stage} events read
 * @param warmupsSkipped warm-up samples left out
 * @param failedSkipped failed samples ({@code ok == false}) left out
 * @param busyExcluded samples left out because the machine was busy with other work
 * @param busyThreshold other load above which a sample is busy (fraction of the machine)
 * @param cpuLoadWindows {@code jdk.CPULoad} events read
 * @param unknownLoad kept samples no load window (of the source used) overlapped
 * @param hostLoadWindows {@code gradesim.HostLoad} events read
 * @param loadSource the event the busy filter took the load from: {@code gradesim.HostLoad} or
 *     {@code jdk.CPULoad} (absent in profiles written before it was recorded)
 */
@JsonPropertyOrder({
  "file",
  "sha256",
  "stageEvents",
  "warmupsSkipped",
  "failedSkipped",
  "busyExcluded",
  "busyThreshold",
  "cpuLoadWindows",
  "unknownLoad",
  "hostLoadWindows",
  "loadSource"
})
public record RecordingInfo(
    String file,
    String sha256,
    int stageEvents,
    int warmupsSkipped,
    int failedSkipped,
    int busyExcluded,
    double busyThreshold,
    int cpuLoadWindows,
    int unknownLoad,
    int hostLoadWindows,
    String loadSource) {}
