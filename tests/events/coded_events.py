"""Look-ups into coded events (contract records) that the event tests share."""


def types_of(events, trigger):
    """The PLOVER types of the events whose trigger text is exactly `trigger`."""
    return {e["event"] for e in events if e["trigger"]["text"] == trigger}


def events_of(events, word):
    """The events whose trigger holds the word ("conversation" in "had conversation")."""
    return [e for e in events if word in e["trigger"]["text"].split()]
