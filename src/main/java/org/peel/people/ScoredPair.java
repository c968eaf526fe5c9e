package org.peel.people;

/** Two records (by position in the resolved list) and the probability that they are the same person. */
public record ScoredPair(int left, int right, double weight, double probability) {
}
