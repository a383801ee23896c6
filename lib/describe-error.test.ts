import { describe, expect, it } from "vitest";
import { describeError } from "@/lib/describe-error";

describe("describeError", () => {
  it("keeps a database error's name, code and reason, never the arguments it printed", () => {
    const error = Object.assign(
      new Error('\nInvalid `tx.message.create()` invocation:\n\n{\n  data: {\n    text: "my card number is 4111 1111"\n  }\n}\n\nUnique constraint failed on the fields: (`channel`,`externalId`)'),
      { name: "PrismaClientKnownRequestError", code: "P2002" },
    );
    const line = describeError(error);
    expect(line).toBe("PrismaClientKnownRequestError P2002: Unique constraint failed on the fields: (`channel`,`externalId`)");
    expect(line).not.toContain("4111");
  });

  it("leaves other errors as they are", () => {
    expect(describeError(new Error("Graph API timeout"))).toBe("Graph API timeout");
    expect(describeError("plain")).toBe("plain");
  });
});
