package io.beliefnet.dashboard;

/**
 * One change the page should see, sent as a server-sent event named {@code name} whose data is
 * {@code data} as JSON.
 */
record DashboardEvent(String name, Object data) {}
