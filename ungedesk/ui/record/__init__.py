"""One young person's record: the record view with its header and tabs, the form that
registers or edits the basic data, and the dialogs acting on the whole case (close it,
export it for the right of access)."""
