// How each kind of box looks: a short badge and a family (its colour), by resource type. A generic look for any
// other AWS::*, Custom::* or unknown type. Text badges, not icon fonts: they render the same everywhere.

export type Look = { badge: string; family: string; name: string };

const BY_TYPE: Record<string, [string, string]> = {
  'AWS::Serverless::Function': ['λ', 'compute'],
  'AWS::Lambda::Function': ['λ', 'compute'],
  'AWS::Serverless::LayerVersion': ['LY', 'compute'],
  'AWS::Lambda::LayerVersion': ['LY', 'compute'],
  'AWS::Serverless::Api': ['API', 'api'],
  'AWS::Serverless::HttpApi': ['API', 'api'],
  'AWS::ApiGateway::RestApi': ['API', 'api'],
  'AWS::ApiGatewayV2::Api': ['API', 'api'],
  'AWS::Serverless::GraphQLApi': ['GQL', 'api'],
  'AWS::AppSync::GraphQLApi': ['GQL', 'api'],
  'AWS::AppSync::DataSource': ['DS', 'api'],
  'AWS::AppSync::Resolver': ['RES', 'api'],
  'AWS::Serverless::SimpleTable': ['DB', 'database'],
  'AWS::DynamoDB::Table': ['DB', 'database'],
  'AWS::RDS::DBInstance': ['RDS', 'database'],
  'AWS::SQS::Queue': ['SQS', 'integration'],
  'AWS::SNS::Topic': ['SNS', 'integration'],
  'AWS::Events::Rule': ['EV', 'integration'],
  'AWS::Events::EventBus': ['EB', 'integration'],
  'AWS::Serverless::StateMachine': ['SF', 'integration'],
  'AWS::StepFunctions::StateMachine': ['SF', 'integration'],
  'AWS::Kinesis::Stream': ['KIN', 'integration'],
  'AWS::S3::Bucket': ['S3', 'storage'],
  'AWS::IAM::Role': ['IAM', 'security'],
  'AWS::IAM::Policy': ['IAM', 'security'],
  'AWS::IAM::ManagedPolicy': ['IAM', 'security'],
  'AWS::SecretsManager::Secret': ['SEC', 'security'],
  'AWS::KMS::Key': ['KMS', 'security'],
  'AWS::SSM::Parameter': ['SSM', 'management'],
  'AWS::Logs::LogGroup': ['LOG', 'management'],
  'AWS::CloudWatch::Alarm': ['CW', 'management'],
  'AWS::Serverless::Connector': ['↔', 'connector'],
  'AWS::EC2::VPC': ['VPC', 'network'],
  'AWS::EC2::Subnet': ['NET', 'network'],
  'AWS::EC2::SecurityGroup': ['SG', 'network'],
  // serverless.yml's own kinds, as the engine names them
  'Serverless::Function': ['λ', 'compute'],
  'Serverless::Layer': ['LY', 'compute'],
};

export function lookOf(type: string, kind: string): Look {
  if (kind === 'parameter') {
    return { badge: 'P', family: 'parameter', name: 'Parameter · ' + type };
  }
  if (kind === 'import') {
    return { badge: 'IMP', family: 'external', name: 'Imported value' };
  }
  if (kind === 'external') {
    return { badge: 'ARN', family: 'external', name: type === 'external' ? 'Outside the stack' : type };
  }
  const known = BY_TYPE[type];
  if (known) {
    return { badge: known[0], family: known[1], name: type };
  }
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') {
    return { badge: 'C', family: 'custom', name: type };
  }
  const service = type.startsWith('AWS::') ? type.split('::')[1] ?? '' : '';
  return { badge: service ? service.slice(0, 3).toUpperCase() : '?', family: 'generic', name: type || 'Unknown type' };
}
