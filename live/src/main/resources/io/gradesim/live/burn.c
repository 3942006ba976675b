/*
 * burn MS: consumes MS milliseconds of this process's CPU time (CLOCK_PROCESS_CPUTIME_ID), then
 * exits 0. The grading payload of gradesim's live pool: a job of known CPU demand, so a
 * container's wall time beyond MS is the platform's overhead or contention. Built static
 * (gcc -static -O2) so it runs in the busybox root file system without a libc.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long cpu_ns(void) {
  struct timespec ts;
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0) {
    perror("burn: clock_gettime");
    exit(3);
  }
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: burn MILLISECONDS\n", stderr);
    return 2;
  }
  char *end;
  long ms = strtol(argv[1], &end, 10);
  if (*argv[1] == '\0' || *end != '\0' || ms < 0 || ms > 86400000L) {
    fputs("burn: MILLISECONDS must be an integer from 0 to 86400000\n", stderr);
    return 2;
  }
  long long until = cpu_ns() + ms * 1000000LL;
  volatile unsigned long spin = 0;
  while (cpu_ns() < until) {
    for (int i = 0; i < 1000; i++) {
      spin++;
    }
  }
  return 0;
}
