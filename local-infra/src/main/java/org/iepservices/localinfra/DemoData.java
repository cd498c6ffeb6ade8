package org.iepservices.localinfra;

/** Loads the demo district through the public APIs. (Being written: filled in with the APIs.) */
final class DemoData {
    record Summary(String text) {
    }

    DemoData(LocalSystem system) {
    }

    Summary load() {
        return new Summary("none yet");
    }
}
