/**
 * A live container pool on this host: INGInious' backend dispatch and its agents in real time, as
 * Pekko actors, each submission a fresh container of a probed runtime burning its grading time; its
 * record is folded by the simulator's output writer, so a live run and a simulated one read alike.
 */
package io.gradesim.live;
