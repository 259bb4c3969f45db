/** The qeml-actions release this code belongs to; kept in step with package.json by the release script. */
export const QEML_VERSION = '1.0.0';

/** Sent with every GitHub API request so GitHub (and GHES admins) can tell who is calling. */
export const QEML_USER_AGENT = `qeml-actions/${QEML_VERSION}`;
