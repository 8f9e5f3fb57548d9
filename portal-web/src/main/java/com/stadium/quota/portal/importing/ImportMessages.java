package com.stadium.quota.portal.importing;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The import pages' texts, in English; messages/imp_de.properties translates the main ones. A bundle of its own:
 * Quarkus 3.33 generates a broken resolver for a bundle of more than 300 messages, and {@code msg} is near that.
 */
@MessageBundle("imp")
public interface ImportMessages {

    @Message("Create up to 50 quotas at once from a CSV file. Nothing is created until you have read the report and confirmed.")
    String importLead();

    @Message("Steps of the import")
    String importSteps();

    @Message("Upload the file")
    String importStepUpload();

    @Message("Check and decide")
    String importStepCheck();

    @Message("Seats allocated")
    String importStepAllocation();

    @Message("Final report")
    String importStepReport();

    @Message("1. Start from the template")
    String importTemplateTitle();

    @Message("The template has every column and example lines: one quota per line; several match ids (\"1;2;3\") make a group with the same seats at each match; sectors best first.")
    String importTemplateText();

    @Message("Download the template (CSV)")
    String importTemplateDownload();

    @Message("Excel: save as \"CSV UTF-8\". Comma or semicolon both work, and so does a first line sep=;.")
    String importTemplateHint();

    @Message("2. Upload your file")
    String importUploadTitle();

    @Message("CSV file")
    String importFileLabel();

    @Message("A .csv file of at most 1 MiB, UTF-8, up to 50 lines.")
    String importFileHint();

    @Message("{#when problem}{#is 'NO_FILE'}Choose a CSV file first.{#is 'TOO_LARGE'}{fileName} is larger than 1 MiB; split it into smaller files.{#is 'NOT_CSV'}{fileName} is not a CSV file. Save the spreadsheet as \"CSV UTF-8\" (.csv) and upload that.{#else}{problem}{/when}")
    String uploadProblem(String problem, String fileName);

    @Message("{fileName} cannot be imported:")
    String importFileRefused(String fileName);

    @Message("Line {line}")
    String importLineLabel(int line);

    @Message("Upload and check")
    String importUploadButton();

    @Message("Every line is checked and previewed with the seats it would get now. Nothing is created yet.")
    String importUploadEffect();

    @Message("Import history")
    String importHistory();

    @Message("The imports cannot be listed right now (quota-service does not answer).")
    String importHistoryUnavailable();

    @Message("Uploaded")
    String importWhen();

    @Message("File")
    String importFile();

    @Message("Lines")
    String importLines();

    @Message("Quotas created")
    String importQuotas();

    @Message("confirmed by {who}, {when}")
    String importConfirmedBy(String who, String when);

    @Message("{#when status}{#is 'INVALID'}✕ Has errors{#is 'VALIDATED'}✓ Checked, not confirmed{#is 'FAILED'}⚠ Confirm refused{#is 'CONFIRMED'}● Confirmed{#else}{status}{/when}")
    String importStatus(String status);

    @Message("No imports yet.")
    String importNone();

    @Message("Import of {fileName}")
    String importTitle(String fileName);

    @Message("Uploaded by {who}, {when}")
    String importUploadedBy(String who, String when);

    @Message("Final report")
    String importFinalReport();

    @Message("Seats are being allocated")
    String importAllocating();

    @Message("{done} of {lines} {#if lines == 1}line{#else}lines{/if} done, {failed} failed")
    String importLinesDone(int done, int lines, int failed);

    @Message("{allocated} of {quotas} {#if quotas == 1}quota{#else}quotas{/if} allocated")
    String importQuotasAllocated(int allocated, int quotas);

    @Message("{held} of {requested} seats held")
    String importSeatsHeld(int held, int requested);

    @Message("allocation failed")
    String importLineFailed();

    @Message("blocked by {match} ({free} free there)")
    String importBlockedBy(String match, int free);

    @Message("The quotas this import created, by line of the file")
    String importCreatedCaption();

    @Message("Line")
    String importLine();

    @Message("Held")
    String importHeld();

    @Message("Reason")
    String importReason();

    @Message("Every problem as CSV (errors.csv)")
    String importErrorsCsv();

    @Message("The import was not confirmed; nothing was created:")
    String importConfirmRefused();

    @Message("{count} {#if count == 1}problem{#else}problems{/if} in the file")
    String importErrorsTitle(int count);

    @Message("Nothing can be created from this file. Correct these lines in your spreadsheet and upload the file again; line numbers are the spreadsheet's rows.")
    String importErrorsLead();

    @Message("Column")
    String importColumn();

    @Message("Value")
    String importValue();

    @Message("Upload a corrected file")
    String importUploadFixed();

    @Message("Seats previewed at upload")
    String importPreviewAtUpload();

    @Message("What each line would create now")
    String importPreviewTitle();

    @Message("Seats from allocation-service's dry run of the whole file, lines in order (two lines never show the same seat). Nothing is held: the allocation after confirming decides.")
    String importPreviewLead();

    @Message("Seats it would take now")
    String importSeatsNow();

    @Message("repeat")
    String importRepeat();

    @Message("{#when outcome}{#is 'ALLOCATED'}✓ Seats free{#is 'PARTIALLY_ALLOCATED'}◑ Only some seats{#is 'FAILED'}✕ Would fail{#is 'REJECTED'}✕ Refused{#is 'UNKNOWN'}? Not known now{#else}{outcome}{/when}")
    String outcomeLabel(String outcome);

    @Message("{sector}, row {row}: seats {seats}")
    String seatGroup(String sector, String row, String seats);

    @Message("No line of this file can be created.")
    String importNoValidLine();

    @Message("3. Decide and confirm")
    String importConfirmTitle();

    @Message("This file was imported before")
    String importSameFile();

    @Message("Import it again anyway")
    String importAgain();

    @Message("Tick this to import the same file again.")
    String importDecideFile();

    @Message("{#when kind}{#is 'SAME_AS_LINE'}repeats an earlier line{#is 'SAME_AS_QUOTA'}a quota like this exists{#else}{kind}{/when}")
    String importRepeatKind(String kind);

    @Message("Create it anyway")
    String importAcceptRepeat();

    @Message("Skip line {line}")
    String importSkipLine(int line);

    @Message("Decide: create it anyway, or skip line {line}.")
    String importDecideLine(int line);

    @Message("Confirming creates the quotas of every line you do not skip ({count} with all lines) together, or none if a line no longer passes; seats are then allocated and shown here as they come.")
    String importConfirmEffect(int count);

    @Message("Confirm the import")
    String importConfirmButton();
}
