package com.stadium.quota.benchmarks;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.stadium.quota.allocation.algorithm.Algorithm;
import com.stadium.quota.allocation.algorithm.Allocation;
import com.stadium.quota.allocation.algorithm.Allocator;
import com.stadium.quota.allocation.algorithm.SeatRequest;

/**
 * In-process time of one allocation on the 59,210-seat stadium, by algorithm, group size and occupancy. The
 * request names four sectors in order of preference, as an admin typically does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AllocationBenchmark {

    @Param({"NM", "REDOM"})
    public Algorithm algorithm;

    @Param({"2", "10", "50", "200"})
    public int seats;

    @Param({"0", "50", "90"})
    public int occupancyPercent;

    private BitSet occupied;
    private SeatRequest request;

    @Setup
    public void fill() {
        occupied = Arena.occupied(occupancyPercent, 20261125L);
        request = new SeatRequest(algorithm, List.of("W3", "W2", "W4", "E3"), seats, false, true, 42L);
    }

    @Benchmark
    public Allocation allocate() {
        return Allocator.allocate(Arena.PLAN, occupied, request);
    }
}
