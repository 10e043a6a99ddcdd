package io.github.lightgcn;

import java.util.List;

/**
 * One user's list of a batch request ({@link LightGCNModel#recommendForAllUsers}): who it is for and the items,
 * best first. A user key unknown to the model, with {@link ColdStartStrategy#POPULARITY}, gets the popular items
 * and user index -1. Immutable.
 */
public final class UserRecommendations {

    private final int user;
    private final String userKey;
    private final List<ScoredItem> items;

    UserRecommendations(int user, String userKey, List<ScoredItem> items) {
        this.user = user;
        this.userKey = userKey;
        this.items = items;
    }

    /** The user's dense index, or -1 for a key the model does not know (a cold start). */
    public int user() { return user; }

    /** The user's key (a long key in decimal). */
    public String userKey() { return userKey; }

    /** Whether the user was unknown and got popular items. */
    public boolean coldStart() { return user < 0; }

    /** Best first (unmodifiable). */
    public List<ScoredItem> items() { return items; }

    @Override
    public String toString() { return "UserRecommendations[user=" + user + ", key=" + userKey + ", items=" + items + "]"; }
}
