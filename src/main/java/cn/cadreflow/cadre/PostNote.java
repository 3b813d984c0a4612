package cn.cadreflow.cadre;

import java.util.Optional;
import java.util.Locale;

/**
 * A line a feature adds where the cadre file shows a post: that the post is reserved (岗编分离), say. The cadre file
 * asks every such bean, so the file shows it without the cadre module knowing the feature.
 */
public interface PostNote {

    /** The line about the post, in the reader's language, or empty when the feature has nothing to say. */
    Optional<String> note(long postId, Locale locale);
}
