import Testing
@testable import DeploymentPlan

@Suite struct PlanInputTests {
    @Test func readsAFileAndNamesABadField() throws {
        let p = try PlanInput.read(yaml: "computers: 20000\nconsoles: 60\nretention: 30d\n", file: "p.yaml")
        #expect(p.computers == 20000 && p.consoles == 60 && p.retention == 30 * 86_400)
        #expect(throws: PlanInputError.self) { try PlanInput.read(yaml: "computers: 20000\nconsoles: -3\n", file: "p.yaml") }
        do {
            _ = try PlanInput.read(yaml: "computers: 20000\nconsoles: many\n", file: "p.yaml")
        } catch {
            #expect(error.description == "p.yaml:2:11: error: consoles: must be a whole number from 1 to 5000, got 'many'")
        }
    }
}
