using Alerts.LocalServiceBus.Filters;

namespace Alerts.LocalServiceBus.Tests.Filters;

public sealed class SqlFilterTests
{
    // Expected: true, false, or null for unknown; all against DictionaryMessage.Sample.
    [Theory]
    // -- constant forms used by rules
    [InlineData("1=1", true)] // the classic always-true rule
    [InlineData("1=0", false)] // the classic always-false rule
    [InlineData("TRUE", true)] // bare boolean literal as the whole filter
    [InlineData("false", false)] // keywords are case-insensitive
    [InlineData("(TRUE)", true)] // parenthesised literal
    [InlineData("NULL = NULL", null)] // NULL never equals anything, not even NULL
    [InlineData("TRUE = TRUE", true)] // booleans have equality
    [InlineData("TRUE <> FALSE", true)] // and inequality
    [InlineData("TRUE > FALSE", null)] // but no order
    // -- equality on strings
    [InlineData("channel = 'email'", true)] // the project's email subscription
    [InlineData("channel = 'teams'", false)] // the project's teams subscription
    [InlineData("CHANNEL = 'email'", true)] // property names are case-insensitive
    [InlineData("channel = 'EMAIL'", false)] // string values are case-sensitive (ordinal, as C# ==)
    [InlineData("channel <> 'teams'", true)] // <> on strings
    [InlineData("channel != 'email'", false)] // != is the same as <>
    [InlineData("quote = 'it''s'", true)] // doubled quote escapes a quote
    [InlineData("empty = ''", true)] // empty string literal
    [InlineData("'email' = channel", true)] // literal on the left
    [InlineData("commodity > 'Antimony'", true)] // strings order ordinally
    [InlineData("commodity < 'cobalt'", true)] // upper case sorts before lower case ordinally
    [InlineData("channel + '-x' = 'email-x'", true)] // + concatenates strings
    // -- user. prefix, bracketed and quoted names
    [InlineData("user.channel = 'email'", true)] // explicit user scope
    [InlineData("USER.Channel = 'email'", true)] // scope is case-insensitive too
    [InlineData("[Property With Space] = 'spaced'", true)] // bracketed name with spaces
    [InlineData("[HR-EmployeeID] = 'E1'", true)] // bracketed name with a dash
    [InlineData("user.[HR-EmployeeID] = 'E1'", true)] // scope plus bracketed name
    [InlineData("[x.y] = 'dotted'", true)] // a dot inside brackets is part of the name
    [InlineData("\"channel\" = 'email'", true)] // double-quoted identifier
    [InlineData("sys = 'user-named-sys'", true)] // sys without a dot is an ordinary property
    [InlineData("[a]]b] = 'bracket'", true)] // ]] inside brackets is a literal ]
    [InlineData("\"say \"\"hi\"\"\" = 'quoted'", true)] // "" inside a quoted identifier is a literal "
    [InlineData("größe = 'L'", true)] // a name may use any Unicode letters
    [InlineData("'日本' LIKE '__'", true)] // _ matches one non-ASCII character
    // -- system properties
    [InlineData("sys.MessageId = 'm-1'", true)] // MessageId
    [InlineData("sys.CorrelationId = 'corr-7'", true)] // CorrelationId
    [InlineData("sys.Label = 'alert'", true)] // Label
    [InlineData("sys.Subject = 'alert'", true)] // Subject is an alias of Label
    [InlineData("SYS.label = 'alert'", true)] // sys names are case-insensitive
    [InlineData("sys.To = 'ops'", true)] // To
    [InlineData("sys.ReplyTo = 'replies'", true)] // ReplyTo
    [InlineData("sys.ContentType = 'application/json'", true)] // ContentType
    [InlineData("sys.SessionId = 's1'", true)] // SessionId
    [InlineData("sys.ReplyToSessionId = 'x'", null)] // a system property the message lacks is unknown
    [InlineData("sys.ReplyToSessionId IS NULL", true)] // and IS NULL
    [InlineData("sys.[MessageId] = 'm-1'", true)] // bracketed system property name
    [InlineData("sys.Label = label", null)] // sys.Label and the application property 'label' are distinct; the latter is missing
    // -- numbers and promotion
    [InlineData("severity = 3", true)] // int property, long literal
    [InlineData("severity = 3.0", true)] // int vs double promotes
    [InlineData("count > 9", true)] // long
    [InlineData("count >= 10", true)] // >= boundary
    [InlineData("count > 10", false)] // > boundary
    [InlineData("count < 10", false)] // < boundary
    [InlineData("count <= 10", true)] // <= boundary
    [InlineData("share = 0.75", true)] // double
    [InlineData("share < 1", true)] // double vs long
    [InlineData("share > 7.5E-1", false)] // exponent literal
    [InlineData("share = 75e-2", true)] // integer mantissa with exponent is a double
    [InlineData("price = 12.5", true)] // decimal vs double
    [InlineData("price > 12", true)] // decimal vs long
    [InlineData("price = severity * 4 + 0.5", true)] // decimal vs mixed arithmetic
    [InlineData("small = 2", true)] // byte property
    [InlineData("neg = -4", true)] // unary minus literal
    [InlineData("-neg = 4", true)] // unary minus on a property
    [InlineData("+severity = 3", true)] // unary plus
    [InlineData("- -severity = 3", true)] // double negation
    [InlineData("big = 9223372036854775807", true)] // long.MaxValue exactly
    [InlineData("big > 9223372036854775806", true)] // no precision lost through double
    [InlineData("nan = nan", null)] // NaN compares as unknown
    // -- arithmetic
    [InlineData("severity + 1 = 4", true)] // +
    [InlineData("severity - 5 = -2", true)] // -
    [InlineData("severity * severity = 9", true)] // *
    [InlineData("count / 4 = 2", true)] // integer division truncates
    [InlineData("count / 4.0 = 2.5", true)] // division in double
    [InlineData("count % 3 = 1", true)] // modulo
    [InlineData("price % 5 = 2.5", true)] // modulo in decimal
    [InlineData("share * 2 = 1.5", true)] // double multiplication
    [InlineData("-count = -10", true)] // unary minus binds tighter than =
    [InlineData("count * 1.0 / 4 = 2.5", true)] // promotion to double carries through a chain
    [InlineData("2 + 3 * 4 = 14", true)] // * binds tighter than +
    [InlineData("(2 + 3) * 4 = 20", true)] // parentheses override
    [InlineData("10 - 4 - 3 = 3", true)] // - is left-associative
    [InlineData("count / 0 = 1", null)] // integer division by zero is unknown
    [InlineData("big + 1 > 0", null)] // long overflow is unknown
    [InlineData("missing + 1 = 1", null)] // arithmetic with a missing property is unknown
    [InlineData("channel + 1 = 1", null)] // string + number is unknown
    // -- missing properties and NULL: unknown
    [InlineData("missing = 'x'", null)] // missing property compared
    [InlineData("missing <> 'x'", null)] // <> with missing is unknown too, not true
    [InlineData("'x' = missing", null)] // missing on the right
    [InlineData("note = 'x'", null)] // property present with a null value
    [InlineData("channel = NULL", null)] // comparison with the NULL literal
    [InlineData("missing", null)] // a missing property as a condition
    // -- type mismatches are unknown
    [InlineData("channel = 1", null)] // string vs number
    [InlineData("severity = '3'", null)] // number vs string: no implicit conversion
    [InlineData("urgent = 1", null)] // bool vs number
    [InlineData("channel", null)] // a non-bool property as a condition
    // -- booleans and non-string types
    [InlineData("urgent", true)] // bool property as a condition
    [InlineData("urgent = TRUE", true)] // bool equality
    [InlineData("muted", false)] // false bool property
    [InlineData("NOT muted", true)] // NOT on a bool property
    [InlineData("id = id", true)] // Guid equality (same type)
    [InlineData("at = at", true)] // DateTimeOffset equality
    [InlineData("id = 'x'", null)] // Guid vs string
    // -- IS [NOT] NULL
    [InlineData("missing IS NULL", true)] // missing property is NULL
    [InlineData("note IS NULL", true)] // null value is NULL
    [InlineData("channel IS NULL", false)] // present value
    [InlineData("channel IS NOT NULL", true)] // IS NOT NULL
    [InlineData("missing IS NOT NULL", false)] // missing is never NOT NULL
    [InlineData("missing is null", true)] // keywords in lower case
    // -- EXISTS
    [InlineData("EXISTS(channel)", true)] // present
    [InlineData("EXISTS(missing)", false)] // absent
    [InlineData("EXISTS(note)", true)] // present with a null value still exists
    [InlineData("NOT EXISTS(missing)", true)] // NOT EXISTS
    [InlineData("exists (user.[HR-EmployeeID])", true)] // scoped bracketed name
    [InlineData("EXISTS(sys.ReplyToSessionId)", false)] // absent system property
    [InlineData("EXISTS(sys.Subject)", true)] // alias of a present system property
    // -- IN / NOT IN
    [InlineData("channel IN ('email', 'teams')", true)] // first item
    [InlineData("channel IN ('teams', 'email')", true)] // later item
    [InlineData("channel IN ('teams', 'sms')", false)] // no item
    [InlineData("channel NOT IN ('teams', 'sms')", true)] // NOT IN, no item
    [InlineData("channel NOT IN ('email')", false)] // NOT IN, single matching item
    [InlineData("severity IN (1, 2, 3)", true)] // numbers
    [InlineData("severity IN (3.0)", true)] // promoted numbers
    [InlineData("missing IN ('x')", null)] // unknown left side
    [InlineData("missing NOT IN ('x')", null)] // NOT IN with unknown left side stays unknown
    [InlineData("channel IN ('x', NULL)", null)] // no match but a NULL item: unknown
    [InlineData("channel IN ('email', NULL)", true)] // a match wins over a NULL item
    [InlineData("channel NOT IN ('x', NULL)", null)] // SQL: NOT IN with a NULL item is unknown
    [InlineData("sys.To IN ('Store5','ops') OR commodity = 'x'", true)] // the docs' example shape
    [InlineData("channel IN (1, 2)", null)] // string vs numbers: unknown items
    // -- LIKE / NOT LIKE
    [InlineData("commodity LIKE 'Co%'", true)] // prefix
    [InlineData("commodity LIKE '%alt'", true)] // suffix
    [InlineData("commodity LIKE '%ob%'", true)] // infix
    [InlineData("commodity LIKE 'C_balt'", true)] // _ is one character
    [InlineData("commodity LIKE 'C__balt'", false)] // _ is exactly one character
    [InlineData("commodity LIKE 'Cobalt'", true)] // no wildcards means equality
    [InlineData("commodity LIKE 'cobalt'", false)] // LIKE is case-sensitive
    [InlineData("commodity LIKE '%'", true)] // % matches everything
    [InlineData("empty LIKE '%'", true)] // % matches the empty string
    [InlineData("empty LIKE '_'", false)] // _ needs a character
    [InlineData("commodity LIKE '%o%o%'", false)] // backtracking across runs, no second 'o' after the first run
    [InlineData("commodity LIKE 'C%b%t'", true)] // several runs
    [InlineData("commodity NOT LIKE 'Co%'", false)] // NOT LIKE
    [InlineData("commodity NOT LIKE 'Ni%'", true)] // NOT LIKE, no match
    [InlineData("pct LIKE '50\\%' ESCAPE '\\'", true)] // escaped % is literal
    [InlineData("commodity LIKE 'Co\\%' ESCAPE '\\'", false)] // escaped % no longer a wildcard
    [InlineData("path LIKE 'a!_b' ESCAPE '!'", true)] // escaped _ is literal
    [InlineData("path LIKE 'a!_%' ESCAPE '!'", true)] // escaped _ then a run
    [InlineData("missing LIKE 'x%'", null)] // missing property is unknown
    [InlineData("missing NOT LIKE 'x%'", null)] // and stays unknown under NOT LIKE
    [InlineData("severity LIKE '3'", null)] // LIKE on a number is unknown
    [InlineData("commodity LIKE prop", false)] // a pattern from a property ('channel')
    [InlineData("commodity LIKE missing", null)] // a pattern from a missing property is unknown
    [InlineData("sys.Label LIKE '%ler%'", true)] // the docs' example on a system property
    // -- NOT and three-valued logic
    [InlineData("NOT channel = 'email'", false)] // NOT binds looser than =
    [InlineData("NOT (channel = 'teams')", true)] // NOT with parentheses
    [InlineData("NOT missing = 1", null)] // NOT unknown is unknown
    [InlineData("NOT NOT channel = 'email'", true)] // double NOT
    [InlineData("channel = 'email' AND severity = 3", true)] // T AND T
    [InlineData("channel = 'email' AND severity = 4", false)] // T AND F
    [InlineData("channel = 'email' AND missing = 1", null)] // T AND U
    [InlineData("missing = 1 AND channel = 'teams'", false)] // U AND F
    [InlineData("missing = 1 AND missing = 2", null)] // U AND U
    [InlineData("channel = 'teams' OR severity = 3", true)] // F OR T
    [InlineData("channel = 'teams' OR severity = 4", false)] // F OR F
    [InlineData("missing = 1 OR channel = 'email'", true)] // U OR T
    [InlineData("missing = 1 OR channel = 'teams'", null)] // U OR F
    [InlineData("channel = 'teams' OR channel = 'email' AND severity = 3", true)] // AND binds tighter than OR
    [InlineData("(channel = 'teams' OR channel = 'email') AND severity = 4", false)] // parentheses override
    [InlineData("channel = 'email' and NOT muted or missing = 1", true)] // mixed-case keywords
    [InlineData("((((severity = 3))))", true)] // nested parentheses
    [InlineData("(severity) = 3", true)] // parenthesised value
    [InlineData("(severity = 3) = TRUE", true)] // a comparison's result compared with a bool
    // -- functions
    [InlineData("property('channel') = 'email'", true)] // property() by name
    [InlineData("p('sys.Label') = 'alert'", true)] // p() reaching a system property
    [InlineData("property(prop) = 'email'", true)] // the name computed from another property
    [InlineData("property('missing') IS NULL", true)] // property() of a missing property
    [InlineData("newid() <> newid()", true)] // fresh GUIDs
    // -- whitespace
    [InlineData("  channel\t=\r\n'email'  ", true)] // any whitespace between tokens
    public void Evaluate_ExpressionOnSampleMessage_GivesExpectedTruth(string expression, bool? expected)
    {
        var filter = SqlFilter.Parse(expression);

        Assert.Equal(expected, filter.Evaluate(DictionaryMessage.Sample));
        Assert.Equal(expected == true, filter.Matches(DictionaryMessage.Sample));
    }

    // Position is the zero-based offset; the message names it and what was expected there.
    [Theory]
    [InlineData("", 0, "expected a condition")] // empty expression
    [InlineData("   ", 3, "expected a condition")] // only whitespace
    [InlineData("(channel = 'email'", 18, "expected ')'")] // unclosed parenthesis
    [InlineData("1 = 1)", 5, "expected an operator, AND, OR or end of expression")] // stray closing parenthesis
    [InlineData(")", 0, "expected a value")] // closing parenthesis first
    [InlineData("channel = ", 10, "expected a value")] // missing right operand
    [InlineData("channel = 'email", 10, "unterminated string")] // unterminated string literal
    [InlineData("[unterminated = 1", 0, "unterminated name")] // unterminated bracketed name
    [InlineData("channel == 'email'", 9, "expected a value")] // C-style ==
    [InlineData("channel IN 'email'", 11, "expected '('")] // IN without a list
    [InlineData("channel IN ()", 12, "expected a value")] // empty IN list
    [InlineData("channel IN ('a', )", 17, "expected a value")] // trailing comma in IN list
    [InlineData("channel IN ('a' 'b')", 16, "expected ')'")] // missing comma in IN list
    [InlineData("EXISTS channel", 7, "expected '('")] // EXISTS without parentheses
    [InlineData("EXISTS(1)", 7, "expected a property name")] // EXISTS of a literal
    [InlineData("EXISTS(channel", 14, "expected ')'")] // EXISTS unclosed
    [InlineData("channel IS 'x'", 11, "expected NULL")] // IS followed by a value
    [InlineData("channel IS NOT", 14, "expected NULL")] // IS NOT at the end
    [InlineData("channel = 'email' AND", 21, "expected a value")] // dangling AND
    [InlineData("channel = 'x' OR", 16, "expected a value")] // dangling OR
    [InlineData("AND channel = 'x'", 0, "expected a value")] // leading AND
    [InlineData("channel = 'email' channel = 'teams'", 18, "expected an operator")] // two predicates without AND/OR
    [InlineData("channel NOT 'x'", 8, "expected an operator")] // NOT without IN or LIKE
    [InlineData("sys.Foo = 1", 4, "unknown system property")] // unknown system property
    [InlineData("foo.bar = 1", 0, "expected 'sys' or 'user'")] // unknown scope
    [InlineData("sys. = 1", 5, "expected a property name")] // scope without a name
    [InlineData("channel = @p", 10, "parameters")] // parameters are not supported
    [InlineData("channel # 1", 8, "unexpected character '#'")] // unknown character
    [InlineData("1", 0, "expected a condition")] // a number is not a condition
    [InlineData("'email'", 0, "expected a condition")] // a string is not a condition
    [InlineData("NULL", 0, "expected a condition")] // NULL is not a condition
    [InlineData("severity + 1", 0, "expected a condition")] // arithmetic is not a condition
    [InlineData("NOT 1", 4, "expected a condition")] // NOT of a number
    [InlineData("channel = 'x' AND 5", 18, "expected a condition")] // AND with a number
    [InlineData("1e = 1", 2, "expected exponent digits")] // exponent without digits
    [InlineData("99999999999999999999 = 1", 0, "out of range")] // integer beyond 64 bits
    [InlineData("severity=3AND channel='email'", 10, "after number")] // keyword glued to a number
    [InlineData("channel LIKE 5", 13, "expected a string pattern")] // LIKE with a number pattern
    [InlineData("channel LIKE 'a' ESCAPE 'ab'", 24, "one-character string")] // escape of two characters
    [InlineData("channel LIKE 'a!' ESCAPE '!'", 13, "escape character")] // pattern ending in the escape
    [InlineData("sys.Label LIKE", 14, "expected a value")] // LIKE without a pattern
    [InlineData("foo(1) = 1", 0, "unknown function 'foo'")] // unknown function
    [InlineData("newid(1) = 1", 6, "expected ')'")] // newid takes no argument
    [InlineData("IN = 1", 0, "expected a value")] // a keyword is not a property name
    [InlineData("TRUE AND", 8, "expected a value")] // dangling AND after a literal
    public void Parse_MalformedExpression_ThrowsWithPositionAndExpectation(string expression, int position, string expectation)
    {
        var ex = Assert.Throws<FilterSyntaxException>(() => SqlFilter.Parse(expression));

        Assert.Equal(position, ex.Position);
        Assert.Contains(expectation, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"position {position}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingBeyondLimit_ThrowsInsteadOfOverflowingTheStack()
    {
        var expression = new string('(', 5000) + "1=1" + new string(')', 5000);

        var ex = Assert.Throws<FilterSyntaxException>(() => SqlFilter.Parse(expression));

        Assert.Equal(101, ex.Position);
        Assert.Contains("nested deeper", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingWithinLimit_Evaluates()
    {
        var expression = new string('(', 90) + "1=1" + new string(')', 90);

        Assert.True(SqlFilter.Parse(expression).Evaluate(DictionaryMessage.Sample));
    }

    [Fact]
    public void Parse_ValidExpression_KeepsTextAsWritten()
    {
        const string expression = "  channel = 'email'  ";

        Assert.Equal(expression, SqlFilter.Parse(expression).Expression);
    }

    [Fact]
    public void Evaluate_MessageWithSubjectOnly_LabelReadsSubject()
    {
        var message = new DictionaryMessage(new Dictionary<string, object?> { ["Subject"] = "breach" });

        Assert.True(SqlFilter.Parse("sys.Label = 'breach'").Evaluate(message));
        Assert.True(SqlFilter.Parse("sys.Subject = 'breach'").Evaluate(message));
    }

    [Fact]
    public void Evaluate_EmptyMessage_ComparisonsAreUnknownAndNullChecksDefinite()
    {
        var message = new DictionaryMessage();

        Assert.Null(SqlFilter.Parse("sys.MessageId = 'x'").Evaluate(message));
        Assert.True(SqlFilter.Parse("sys.MessageId IS NULL AND channel IS NULL").Evaluate(message));
        Assert.False(SqlFilter.Parse("EXISTS(sys.MessageId) OR EXISTS(channel)").Evaluate(message));
        Assert.False(SqlFilter.Parse("channel = 'email'").Matches(message));
    }

    [Fact]
    public void Evaluate_SameFilterOnDifferentMessages_ReadsEachMessage()
    {
        var filter = SqlFilter.Parse("channel = 'teams'");
        var teams = new DictionaryMessage(application: new Dictionary<string, object?> { ["Channel"] = "teams" });

        Assert.True(filter.Matches(teams));
        Assert.False(filter.Matches(DictionaryMessage.Sample));
    }

    // Atoms with known truth: true, false and unknown, in several spellings.
    private static readonly (string Text, bool? Value)[] Atoms =
    [
        ("1=1", true),
        ("channel = 'email'", true),
        ("1=0", false),
        ("severity > 3", false),
        ("missing = 1", null),
        ("note <> 'x'", null),
    ];

    [Fact]
    public void Evaluate_AllCombinationsOfAtoms_FollowsKleeneTruthTables()
    {
        var checkedCount = 0;
        foreach (var (a, av) in Atoms)
        {
            Assert.Equal(av, Eval(a));
            Assert.Equal(Not(av), Eval($"NOT ({a})"));
            Assert.Equal(av, Eval($"NOT NOT ({a})"));
            foreach (var (b, bv) in Atoms)
            {
                Assert.Equal(And(av, bv), Eval($"({a}) AND ({b})"));
                Assert.Equal(Or(av, bv), Eval($"({a}) OR ({b})"));

                // De Morgan holds in three-valued logic too.
                Assert.Equal(Eval($"NOT (({a}) AND ({b}))"), Eval($"NOT ({a}) OR NOT ({b})"));
                foreach (var (c, cv) in Atoms)
                {
                    Assert.Equal(Or(And(av, bv), cv), Eval($"{a} AND {b} OR {c}"));
                    Assert.Equal(Or(av, And(bv, cv)), Eval($"{a} OR {b} AND {c}"));
                    checkedCount++;
                }
            }
        }

        Assert.Equal(Atoms.Length * Atoms.Length * Atoms.Length, checkedCount);
    }

    [Fact]
    public void Evaluate_RandomExpressions_AgreeWithReferenceEvaluation()
    {
        // A fixed seed keeps the test reproducible; 500 trees of depth up to 4 cover deep mixtures.
        var random = new Random(20241201);
        for (var i = 0; i < 500; i++)
        {
            var (text, value) = RandomTree(random, 4);
            Assert.True(value == Eval(text), $"'{text}' expected {value?.ToString() ?? "unknown"}");
        }
    }

    private static (string Text, bool? Value) RandomTree(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return Atoms[random.Next(Atoms.Length)];
        }

        var (lt, lv) = RandomTree(random, depth - 1);
        switch (random.Next(3))
        {
            case 0:
                return ($"NOT ({lt})", Not(lv));
            case 1:
                var (rt, rv) = RandomTree(random, depth - 1);
                return ($"({lt}) AND ({rt})", And(lv, rv));
            default:
                var (ot, ov) = RandomTree(random, depth - 1);
                return ($"({lt}) OR ({ot})", Or(lv, ov));
        }
    }

    private static bool? Eval(string expression) => SqlFilter.Parse(expression).Evaluate(DictionaryMessage.Sample);

    private static bool? Not(bool? v) => v is null ? null : !v;

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;

    private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a == false && b == false ? false : null;
}
