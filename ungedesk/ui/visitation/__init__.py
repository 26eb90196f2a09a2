"""The record's casework tabs: the visitation and its target-group history, the case
events, the conversations (booking, held, corrections, calendar invitations) and the
record's own deadlines with their exemptions. Each tab reads its data with one operation
and refreshes itself from the change bus."""
