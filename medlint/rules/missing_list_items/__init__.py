"""Missing-list-items rules: lead-ins without their list, empty items, numbering and counts."""
