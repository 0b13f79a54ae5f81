import { describeArea } from "./matrix";

// SECURITY.md 1-3: the permission matrix for this area's services (./matrix.ts has them all, by area).
describeArea("workspace");
