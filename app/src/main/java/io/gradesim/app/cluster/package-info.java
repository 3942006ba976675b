/**
 * Sweeps on a Pekko Cluster: worker nodes pull runs over the Receptionist, inputs and outputs move
 * by content hash in checksummed chunks, the messages are Kryo-registered, runs are journaled into
 * the shared PostgreSQL journal (one node at a time per run) so a sweep resumes, and joining needs
 * the cluster's shared secret (see app's README, "Cluster").
 */
package io.gradesim.app.cluster;
