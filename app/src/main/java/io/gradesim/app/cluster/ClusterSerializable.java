package io.gradesim.app.cluster;

/** Marks what crosses the wire between nodes: serialized by {@link ClusterKryoSerializer}. */
public interface ClusterSerializable {}
