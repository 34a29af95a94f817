package handlers

// Visible is the pages' "visible" template function, for the tests.
var Visible = visible
