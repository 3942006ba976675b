/**
 * Sweeps on a Pekko Cluster: worker nodes pull runs over the Receptionist, inputs and outputs move
 * by content hash in checksummed chunks, the messages are Kryo-registered (see app's README).
 */
package io.gradesim.app.cluster;
