/** The unshare driver: util-linux unshare(1) namespaces, a bind-mounted root and a cgroup. */
package io.gradesim.probes.runtime.unshare;
