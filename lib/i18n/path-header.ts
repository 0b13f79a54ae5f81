/** The request's path, as proxy.ts saw it: it sets this header on every request, over whatever the client sent. */
export const PATH_HEADER = "x-pathwise-path";
