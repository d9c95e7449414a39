import { Args, Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../auth/access.decorators.js';
import { DeidentificationResult } from './phi-finding.model.js';
import { RedactionService } from './redaction.service.js';
import { PreviewArgs } from './preview.args.js';

@Resolver()
export class RedactionResolver {
  constructor(private readonly redaction: RedactionService) {}

  @SignedIn()
  @Query(() => DeidentificationResult, {
    description: 'What de-identification would store for this text. Nothing is stored or logged.',
  })
  previewDeidentification(@Args() args: PreviewArgs): DeidentificationResult {
    return this.redaction.redact(args.text);
  }
}
