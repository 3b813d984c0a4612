package cn.cadreflow.secondment;

import java.time.LocalDate;

/**
 * A secondment: who goes where, for which term, and how it ended. {@code endDate} is the last day away: the planned
 * one, an extension's, or the day before an early return; {@code plannedEndDate} is the end first approved.
 */
public record Secondment(Long id, Long cadreId, SecondmentKind kind, Long homeUnitId, Long homePostId,
                         Long targetUnitId, Long targetPostId, LocalDate startDate, LocalDate endDate,
                         LocalDate plannedEndDate, boolean extended, String reason, Status status, Outcome outcome,
                         String outcomeNote, LocalDate returnedOn, Long newPostId, String requestedBy,
                         String processInstanceId) {

    /** Where a secondment stands, kept in step with the process by secondment.bpmn's steps. */
    public enum Status {
        PENDING_SENDING, PENDING_RECEIVING, PENDING_HR, REVISING, WITHDRAWN, TERMINATED, APPROVED, ON_SECONDMENT,
        ENDED;

        /** Approved and not yet ended: the cadre is, or will be, away. */
        public boolean current() {
            return this == APPROVED || this == ON_SECONDMENT;
        }
    }

    /** How a secondment ended. */
    public enum Outcome {
        /** Back to the home post on HR's decision. */
        RETURNED_HOME,
        /** Back to the home post on the end date, nobody having decided. */
        AUTO_RETURNED,
        /** Called back early by HR. */
        RECALLED,
        /** Converted to a transfer (交流任职): the home post is released. */
        TRANSFERRED,
        /** Back to the grassroots in a higher post. */
        PROMOTED
    }

    /** The return decision HR takes before the end of the term. */
    public enum Decision { RETURN, EXTEND, TRANSFER, PROMOTE }
}
