package dev.cohort.model;

import java.util.ArrayList;
import java.util.List;

/** Collects problems so that a whole workspace is checked before anything is reported. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Location location, String code, String message) {
        list.add(new Problem(location, code, message));
    }

    public void add(Problem problem) {
        list.add(problem);
    }

    public void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link ValidationException} holding every problem, if there is any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ValidationException(list);
        }
    }
}
