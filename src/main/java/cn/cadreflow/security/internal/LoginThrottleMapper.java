package cn.cadreflow.security.internal;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The sign-in counts of {@code login_throttle}, changed only by compare-and-set on their version. */
@Mapper
public interface LoginThrottleMapper {

    Row find(@Param("subject") String subject);

    /** Fails with a duplicate key when another server counted the subject's first attempt meanwhile. */
    void insert(@Param("subject") String subject, @Param("attempts") int attempts,
                @Param("windowStart") LocalDateTime windowStart, @Param("lockedUntil") LocalDateTime lockedUntil);

    /** Writes the count when the row is still at {@code version}; returns the rows written (0: changed meanwhile). */
    int update(@Param("subject") String subject, @Param("attempts") int attempts,
               @Param("windowStart") LocalDateTime windowStart, @Param("lockedUntil") LocalDateTime lockedUntil,
               @Param("version") int version);

    void delete(@Param("subject") String subject);

    /** Forgets the counts whose window began before {@code windowStartBefore} and that hold no lock any more. */
    void deleteStale(@Param("windowStartBefore") LocalDateTime windowStartBefore, @Param("now") LocalDateTime now);

    record Row(int attempts, LocalDateTime windowStart, LocalDateTime lockedUntil, int version) {

        LoginLimit.Count count() {
            return new LoginLimit.Count(attempts, windowStart, lockedUntil);
        }
    }
}
