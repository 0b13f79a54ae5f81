import { describeMatrixChecks } from "./matrix";

// The permission matrix's coverage (every service, every table filled) and its cross-tenant ids, one by one.
describeMatrixChecks();
