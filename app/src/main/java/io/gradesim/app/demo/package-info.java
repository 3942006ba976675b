/**
 * The demo: the whole workflow (probe, calibrate, import, compare) on bundled inputs, then the
 * answer: the sample exam at 1x, 2x and 4x load, each compared over replications of the bundled
 * plans (today's pool against the service level, the cheapest plan meeting it, vertical against
 * horizontal scaling), and the planner ({@code gradesim plan}) over the bundled example space at
 * the same loads; {@code DemoAnswerPage} puts both on one page, answer.html.
 */
package io.gradesim.app.demo;
