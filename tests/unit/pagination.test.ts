import { describe, expect, it } from "vitest";
import { clampPage, pageCount, pageWindow } from "../../lib/web/pagination";

describe("pages of a list", () => {
  it("are at least one, so an empty list is page 1 of 1", () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
    expect(pageCount(10_001, 100)).toBe(101);
  });

  it("clamp the page asked for to the pages that exist: past the end is the last page, never 'page 2 of 1'", () => {
    expect(clampPage(2, 1)).toBe(1);
    expect(clampPage(99, 4)).toBe(4);
    expect(clampPage(3, 4)).toBe(3);
    expect(clampPage(0, 4)).toBe(1);
    expect(clampPage(-5, 4)).toBe(1);
    expect(clampPage(2.7, 4)).toBe(2);
    expect(clampPage(Number.NaN, 4)).toBe(1);
    expect(clampPage(Number.POSITIVE_INFINITY, 4)).toBe(1);
    expect(clampPage(1, 0)).toBe(1);
  });

  it("lie where the page shown is: past the end is the last page, with its rows to skip and take", () => {
    expect(pageWindow(60, 25, 2)).toEqual({ pages: 3, page: 2, skip: 25, take: 25 });
    expect(pageWindow(60, 25, 9)).toEqual({ pages: 3, page: 3, skip: 50, take: 25 });
    expect(pageWindow(0, 25, 4)).toEqual({ pages: 1, page: 1, skip: 0, take: 25 });
  });
});
